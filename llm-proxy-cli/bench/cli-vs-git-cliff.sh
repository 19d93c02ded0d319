#!/bin/sh
# Whole-process time of `llm-proxy release draft --dry-run` next to git-cliff (docs/performance.md,
# "The CLI, whole process, next to git-cliff"). Not a test: run by hand, outside CI.
#
#   npm i --prefix /tmp/peers git-cliff
#   ./mvnw -B -o -pl release-maven-plugin,llm-proxy-cli -am package -DskipTests
#   llm-proxy-cli/bench/cli-vs-git-cliff.sh [rounds]
#
# Makes two repositories under ${BENCH_DIR:-/tmp/llm-proxy-bench} (a one-module pom at 1.1.0-SNAPSHOT,
# tag v1.0.0, then 1,000 or 3 Conventional Commits), unpacks the CLI's tar.gz, then runs the
# launcher, `java -jar` and git-cliff interleaved, and prints the medians of wall and CPU seconds.
set -eu
rounds=${1:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-/tmp/llm-proxy-bench}
cliff=${CLIFF:-/tmp/peers/node_modules/.bin/git-cliff}
[ -x "$cliff" ] || { echo "git-cliff not found at $cliff: npm i --prefix /tmp/peers git-cliff" >&2; exit 2; }
archive=$(ls "$here"/target/llm-proxy-[0-9]*.tar.gz | head -1)
rm -rf "$bench" && mkdir -p "$bench/dist" "$bench/home"
tar xzf "$archive" -C "$bench/dist"
launcher=$(ls -d "$bench"/dist/*/)bin/llm-proxy
jar=$(ls -d "$bench"/dist/*/)lib/llm-proxy.jar

make_repo() { # $1 directory, $2 commits after v1.0.0
  git init -q -b main "$1"
  awk -v n="$2" 'function data(s) { printf "data %d\n%s\n", length(s), s }
    BEGIN {
      split("feat(core): add thing|fix(api): repair bug|docs: explain|chore: tidy|perf: faster|refactor: move", kind, "|")
      pom = "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId><artifactId>app</artifactId><version>1.1.0-SNAPSHOT</version><packaging>pom</packaging></project>\n"
      printf "commit refs/heads/main\nmark :1\ncommitter Dev <dev@example.com> 1700000000 +0000\n"; data("feat: initial")
      printf "M 644 inline pom.xml\n"; data(pom); printf "M 644 inline .gitignore\n"; data("target/\n")
      for (i = 1; i <= n; i++) {
        printf "commit refs/heads/main\nmark :%d\ncommitter Dev <dev@example.com> %d +0000\n", i + 1, 1700000000 + i
        data(kind[i % 6 + 1] " " i "\n\nBody of commit " i ".")
        printf "from :%d\nM 644 inline file%d.txt\n", i, i % 50; data("v" i "\n")
      }
    }' | git -C "$1" fast-import --quiet
  git -C "$1" reset -q --hard main
  git -C "$1" -c user.name=Dev -c user.email=dev@example.com tag -a v1.0.0 -m v1.0.0 "main~$2"
}
make_repo "$bench/r1000" 1000
make_repo "$bench/r3" 3

results=$bench/results.txt
: > "$results"
for repo in r1000 r3; do
  cd "$bench/$repo"
  HOME=$bench/home "$launcher" release draft --dry-run --no-github >/dev/null 2>&1 # writes the AppCDS archive
  i=0
  while [ "$i" -lt "$rounds" ]; do
    for tool in launcher java-jar git-cliff; do
      case $tool in
        launcher) set -- "$launcher" release draft --dry-run --no-github ;;
        java-jar) set -- java -jar "$jar" release draft --dry-run --no-github ;;
        git-cliff) set -- "$cliff" --unreleased ;;
      esac
      HOME=$bench/home /usr/bin/time -o "$bench/t" -f "%e %U %S" "$@" >/dev/null 2>&1
      echo "$tool $repo $(cat "$bench/t")" >> "$results"
    done
    i=$((i + 1))
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for repo in r1000 r3; do
  for tool in launcher java-jar git-cliff; do
    wall=$(awk -v t="$tool" -v r="$repo" '$1 == t && $2 == r { print $3 }' "$results" | median)
    cpu=$(awk -v t="$tool" -v r="$repo" '$1 == t && $2 == r { print $4 + $5 }' "$results" | median)
    echo "$repo $tool: wall $wall s, cpu $cpu s (median of $rounds)"
  done
done
