# The services' JVM options on a developer machine, sourced by run.sh, the AOT training run and the measuring scripts
# (one definition, so that what is measured is what run.sh starts): a small initial heap that grows as needed and is
# given back after collections (on a large machine the default initial heap is all of -Xmx, resident from the start),
# and two malloc arenas instead of 8 per core: about 80 MB less RSS per service after load (docs/performance.md
# "Issue 13's table").
SERVICE_JAVA_OPTS=(-Xmx256m -Xms32m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
export MALLOC_ARENA_MAX=2
