# Sourced by the benchmark scripts: builds a module and the modules it needs with the reactor
# (test classes included, nothing installed in ~/.m2) and prints its test classpath.
#
# The classpath is the one the compiler plugin was configured with (its debug log shows it even
# when nothing needed compiling). No other plugin is needed, so this works offline as well as
# online: the dependency and exec plugins are not always in the local repository.
test_classpath() {
    local module=$1 log
    log=$(mktemp)
    if ! ./mvnw -B -X -pl "$module" -am test-compile "${@:2}" >"$log" 2>&1; then
        grep -E '^\[(ERROR|WARNING)\]' "$log" | head -40 >&2
        rm -f "$log"
        echo "bench: building $module failed" >&2
        return 1
    fi
    local line
    line=$(grep -F "(f) testPath = [$PWD/$module/target/test-classes," "$log" | tail -1)
    rm -f "$log"
    if [ -z "$line" ]; then
        echo "bench: could not read the test classpath of $module from Maven's debug log" >&2
        return 1
    fi
    line=${line#*testPath = \[}
    line=${line%\]}
    echo "${line//, /:}"
}
