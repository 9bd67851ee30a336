# Sourced by deploy/cds.sh and deploy/postdeploy.sh: entries out of the uber jar without assuming
# unzip is installed (Debian's JDK has the jar tool; a JRE-only machine may have unzip instead).
# jar_extract JAVA JAR DIR ENTRY: extracts ENTRY (a file or a directory) of JAR under DIR; fails
# when neither tool could (an entry the jar lacks is the caller's to check: the jar tool does not
# fail on one). (unzip is asked for the file and then for the directory's contents: given
# both at once it reports the one that matched nothing as a failure.)
jar_extract() {
  local java="$1" jar="$2" dir="$3" entry="$4"
  (cd "$dir" && "$(dirname "$(readlink -f "$(command -v "$java")")")/jar" xf "$jar" "$entry") 2>/dev/null \
    || unzip -q -o "$jar" "$entry" -d "$dir" 2>/dev/null \
    || unzip -q -o "$jar" "$entry/*" -d "$dir" 2>/dev/null
}
