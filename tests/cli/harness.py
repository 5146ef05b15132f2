"""harness.py -- what the CLI test scripts share: a failed check, and the loop that runs every
test_* function of a script (in name order), prints one line per test and counts the failures.

    from harness import Failure, check, run_tests
"""
import sys
import traceback


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def run_tests(label, namespace, only=None, quiet_pass=False):
    """Runs the test_* functions of namespace (a script's globals()) whose name contains `only`
    (all when None or empty); prints PASS/FAIL lines and "LABEL: N passed, M failed". Returns the
    number of failures."""
    tests = [(n, f) for n, f in sorted(namespace.items()) if n.startswith("test_") and callable(f)]
    passed = failed = 0
    for name, fn in tests:
        if only and only not in name:
            continue
        try:
            fn()
            passed += 1
            if not quiet_pass:
                print("PASS " + name)
        except Failure as e:
            failed += 1
            print("FAIL %s: %s" % (name, e))
        except Exception:
            failed += 1
            print("FAIL %s: exception\n%s" % (name, traceback.format_exc()))
        sys.stdout.flush()
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return failed
