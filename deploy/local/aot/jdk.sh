# Sourced by deploy/local/run.sh and measure-startup.sh: find_jdk25 prints the home of a JDK 25 or newer.
# Order: $JAVA25_HOME, $JAVA_HOME, `java` on the PATH, /usr/lib/jvm/* (Debian/Ubuntu openjdk-25-jdk, Temurin, ...),
# and with INSTALL_JDK25=1 as root on Debian/Ubuntu `apt-get install openjdk-25-jdk-headless` (Debian 13 and
# Ubuntu 24.04+ have it). Nothing found: returns 1.
java_feature() { # java binary -> feature version (17, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2; exit }'
}

find_jdk25() {
  local candidate home
  for candidate in "${JAVA25_HOME:-}" "${JAVA_HOME:-}" \
      "$(command -v java >/dev/null && dirname "$(dirname "$(readlink -f "$(command -v java)")")")" \
      $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    [[ -n $candidate && -x $candidate/bin/java ]] || continue
    local v; v=$(java_feature "$candidate/bin/java")
    if [[ $v =~ ^[0-9]+$ ]] && ((v >= 25)); then echo "$candidate"; return 0; fi
  done
  if [[ ${INSTALL_JDK25:-0} == 1 && $(id -u) == 0 ]] && command -v apt-get >/dev/null \
      && apt-cache show openjdk-25-jdk-headless >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-25-jdk-headless >&2 || return 1
    for home in /usr/lib/jvm/java-25-openjdk-*; do [[ -x $home/bin/java ]] && { echo "$home"; return 0; }; done
  fi
  return 1
}
