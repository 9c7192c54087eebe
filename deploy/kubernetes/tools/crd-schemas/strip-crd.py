#!/usr/bin/env python3
"""Shrinks an upstream CRD file to what the manifest tests validate with.

Usage: strip-crd.py VERSION < upstream-crd.yaml > vendored.yaml

Keeps every CRD in the input, only the served version VERSION of each, and drops the `description` texts.
Types, enums, defaults, formats, patterns, limits and the CEL rules (x-kubernetes-validations) stay as they are.
"""
import sys

import yaml


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


version = sys.argv[1]
out = []
for doc in yaml.safe_load_all(sys.stdin):
    if not doc or doc.get("kind") != "CustomResourceDefinition":
        continue
    doc["spec"]["versions"] = [strip(v) for v in doc["spec"]["versions"] if v["name"] == version]
    doc["metadata"] = {"name": doc["metadata"]["name"]}
    out.append(doc)
yaml.safe_dump_all(out, sys.stdout, sort_keys=False, width=120)
