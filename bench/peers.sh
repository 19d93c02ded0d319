#!/usr/bin/env bash
# Side-by-side benchmark of the full-history changelog (issue #12, Speed), outside CI:
#   ours:  java -jar llm-proxy-cli/target/llm-proxy-*.jar release changelog --all
#   git-cliff (npm package git-cliff, default configuration)
#   conventional-changelog -p angular -r 0 (npm package conventional-changelog-cli)
# on a generated repository of vite's shape (9,600 commits, 660 release tags + 240 package tags,
# a side branch of 430 commits merged in) and on this repository's own history; then replay of
# 166 releases on a generated 3,000-commit history. Whole processes, interleaved, median of RUNS.
#
# Usage: bench/peers.sh [RUNS]   (default 3). Builds the CLI jar (never installs), installs the
# peers into a temp dir with npm, prints a Markdown table for docs/performance.md.
set -euo pipefail
runs=${1:-3}
repo_root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/peers.XXXXXX")
echo "work dir: $work" >&2

(cd "$repo_root" && ./mvnw -o -q -pl llm-proxy-cli -am package -DskipTests)
jar=$(ls "$repo_root"/llm-proxy-cli/target/llm-proxy-*.jar | grep -v -- '-cli-' | head -1)

if ! npm install --no-audit --no-fund --prefix "$work/npm" git-cliff conventional-changelog-cli >"$work/npm.log" 2>&1; then
  echo "npm install of git-cliff and conventional-changelog-cli failed; last lines of $work/npm.log:" >&2
  tail -20 "$work/npm.log" >&2
  exit 1
fi
bin="$work/npm/node_modules/.bin"
[ -x "$bin/git-cliff" ] || { echo "npm installed no git-cliff binary (package git-cliff): see $work/npm.log" >&2; exit 1; }
[ -x "$bin/conventional-changelog" ] || { echo "npm installed no conventional-changelog binary (package conventional-changelog-cli): see $work/npm.log" >&2; exit 1; }

java "$repo_root/bench/GenerateHistory.java" "$work/vite-shape" 9600 660 240 430 false >&2
java "$repo_root/bench/GenerateHistory.java" "$work/replay-3000" 3000 166 0 0 true >&2
git clone -q "$repo_root" "$work/self"

# seconds of one whole process, its output discarded
seconds() {
  local dir=$1; shift
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && "$@" >/dev/null 2>&1) || { echo "failed in $dir: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
for r in $(seq "$runs"); do
  for target in vite-shape self; do
    dir="$work/$target"
    times[$target.ours]+="$(seconds "$dir" java -jar "$jar" release changelog --all) "
    times[$target.cliff]+="$(seconds "$dir" "$bin/git-cliff" -o "$work/$target.cliff.md") "
    times[$target.cc]+="$(seconds "$dir" "$bin/conventional-changelog" -p angular -r 0 -o "$work/$target.cc.md") "
  done
  times[replay]+="$(seconds "$work/replay-3000" java -jar "$jar" release replay) "
  echo "run $r done" >&2
done

med() { echo "${times[$1]}" | tr ' ' '\n' | grep -v '^$' | median; }
echo
echo "| history | commits | release tags | ours s | git-cliff s | conventional-changelog s | ours / git-cliff | ours / conventional-changelog |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for target in vite-shape self; do
  dir="$work/$target"
  commits=$(git -C "$dir" rev-list --count --all)
  tags=$(git -C "$dir" tag -l 'v[0-9]*' | wc -l)
  o=$(med "$target.ours"); c=$(med "$target.cliff"); n=$(med "$target.cc")
  printf "| %s | %d | %d | %.2f | %.2f | %.2f | %.3f | %.3f |\n" "$target" "$commits" "$tags" "$o" "$c" "$n" \
    "$(echo "$o / $c" | bc -l)" "$(echo "$o / $n" | bc -l)"
done
echo
echo "replay of 166 releases on 3,000 commits: $(med replay) s (median of $runs)"
echo
echo "runs: $runs; all times: "
for k in "${!times[@]}"; do echo "  $k: ${times[$k]}"; done
echo "machine: nproc $(nproc); $(free -h | awk '/Mem:/ {print "memory " $2 " total, " $7 " available"}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "git-cliff $("$bin/git-cliff" --version | awk '{print $2}'); conventional-changelog-cli $(node -p "require('$work/npm/node_modules/conventional-changelog-cli/package.json').version")"
