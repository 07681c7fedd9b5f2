# Sourced by ./mvnw, ./epicall and .ci/run. Picks the newest JDK (21 or later, for virtual threads)
# from /usr/lib/jvm unless JAVA_HOME already points at one; the build itself enforces >= 21.
epicall_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(epicall_java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  epicall_best=""; epicall_best_major=0
  case $- in *f*) epicall_noglob=1; set +f ;; *) epicall_noglob=0 ;; esac
  for epicall_jdk in /usr/lib/jvm/*/; do
    epicall_jdk=${epicall_jdk%/}
    [ -x "$epicall_jdk/bin/javac" ] || continue
    epicall_major=$(epicall_java_major "$epicall_jdk" 2>/dev/null)
    case "$epicall_major" in ''|*[!0-9]*) continue ;; esac
    if [ "$epicall_major" -gt "$epicall_best_major" ]; then epicall_best=$epicall_jdk; epicall_best_major=$epicall_major; fi
  done
  [ "$epicall_noglob" = 1 ] && set -f
  if [ "$epicall_best_major" -ge 21 ]; then
    export JAVA_HOME="$epicall_best"
    export PATH="$JAVA_HOME/bin:$PATH"
  else
    echo "epicall needs a JDK 21 or later; none found in /usr/lib/jvm. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  fi
fi
