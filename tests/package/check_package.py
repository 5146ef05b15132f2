#!/usr/bin/env python3
"""check_package.py -- saywho as a package: what `cmake --install` puts under a prefix, and the
README's library example built against that prefix (tests/package.cmake runs both).

usage:
  check_package.py install --build DIR --prefix P --libdir LIBDIR --source ROOT --cmake CMAKE
                           --readelf READELF
      Installs the build tree DIR into P (emptied first) with `cmake --install DIR --prefix P`,
      then checks that P holds exactly the files expected_files() lists (the program, libsaywho.so
      with its version links, libsaywho.a, saywho.h, saywho.pc, the CMake package, and so on),
      that the soname is libsaywho.so.MAJOR and that bin/saywho does not need libsaywho.so,
      and that the version is the same everywhere: SW_VERSION_STRING in saywho.h, `saywho
      --version`, the library's file name, `pkg-config --modversion saywho`, the CMake package,
      and a "## [X.Y.Z] - DATE" entry of CHANGELOG.md.
  check_package.py example --prefix P --libdir LIBDIR --source ROOT --work W --cmake CMAKE --cc CC
                           --readelf READELF [--cflags FLAGS]
      Takes the library example and its CMake project out of README.md (the blocks between
      BEGIN/END LIBRARY EXAMPLE and CMAKE EXAMPLE), checks that they are examples/who_said.c and
      examples/CMakeLists.txt, and builds that text four ways against P: with `pkg-config --cflags
      --libs saywho` (shared), with `pkg-config --static` (libsaywho.a), and as the CMake project
      with find_package(saywho) linking saywho::saywho and saywho::saywho_static. Each program
      runs on examples/articles.jsonl and must print, statement by statement, what the installed
      `saywho extract` finds there (id, speaker, kind, text). FLAGS (e.g. the sanitizer options of
      an ASan build) are added to every compile and link.

The last line is "package <step>: ok" or "package <step>: FAILED ..."; the exit status is 1 on a
failure. Standard library only.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("FAILED: " + msg)


def run(cmd, env=None, cwd=None, check=True):
    """Runs cmd (a list), prints it, returns the CompletedProcess (text); a failure is recorded."""
    print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    p = subprocess.run(cmd, capture_output=True, text=True, env=full_env, cwd=cwd)
    if check and p.returncode != 0:
        fail("%s exited %d:\n%s%s" % (cmd[0], p.returncode, p.stdout[-4000:], p.stderr[-4000:]))
    return p


def header_version(source):
    with open(os.path.join(source, "include", "saywho.h"), encoding="utf-8") as f:
        m = re.search(r'^#define SW_VERSION_STRING "(\d+\.\d+\.\d+)"$', f.read(), re.M)
    if not m:
        sys.exit("include/saywho.h: no SW_VERSION_STRING line")
    return m.group(1)


def dynamic_tags(readelf, path):
    """Returns (soname, [needed...]) of an ELF file."""
    out = run([readelf, "-d", path]).stdout
    soname = re.findall(r"\(SONAME\)\s+Library soname: \[(.*?)\]", out)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]", out)
    return (soname[0] if soname else None), needed


def expected_files(libdir, version):
    major = version.split(".")[0]
    files = {
        "bin/saywho",
        "include/saywho.h",
        "%s/libsaywho.so" % libdir,
        "%s/libsaywho.so.%s" % (libdir, major),
        "%s/libsaywho.so.%s" % (libdir, version),
        "%s/libsaywho.a" % libdir,
        "%s/pkgconfig/saywho.pc" % libdir,
    }
    files |= {"share/man/man1/%s.1" % p for p in
              ["saywho", "saywho-extract", "saywho-ingest", "saywho-search", "saywho-quotes",
               "saywho-speakers", "saywho-stats"]}
    files.add("share/bash-completion/completions/saywho")
    files |= {"share/doc/saywho/" + f for f in
              ["LICENSE", "NOTICE", "README.md", "CHANGELOG.md", "data/en/SOURCES.md", "data/en/LICENSES.md",
               "data/html/README"]}
    for f in ["saywhoConfig.cmake", "saywhoConfigVersion.cmake", "saywhoTargets.cmake",
              "saywhoStaticTargets.cmake"]:
        files.add("%s/cmake/saywho/%s" % (libdir, f))
    return files


def step_install(a):
    version = header_version(a.source)
    major = version.split(".")[0]
    if os.path.exists(a.prefix):
        shutil.rmtree(a.prefix)
    run([a.cmake, "--install", a.build, "--prefix", a.prefix])
    if FAILURES:
        return

    found = set()
    for dirpath, _, names in os.walk(a.prefix):
        for n in names:
            found.add(os.path.relpath(os.path.join(dirpath, n), a.prefix))
    # the per-configuration files of the exported targets (saywhoTargets-release.cmake ...)
    found_cmp = {f for f in found if not re.search(r"/saywho(Static)?Targets-\w+\.cmake$", f)}
    if not any(re.search(r"/saywhoTargets-\w+\.cmake$", f) for f in found):
        fail("no saywhoTargets-<config>.cmake installed")
    want = expected_files(a.libdir, version)
    for f in sorted(want - found_cmp):
        fail("not installed: %s" % f)
    for f in sorted(found_cmp - want):
        fail("installed but not expected (add it to expected_files): %s" % f)

    lib = os.path.join(a.prefix, a.libdir)
    real = "libsaywho.so.%s" % version
    for link, target in [("libsaywho.so", "libsaywho.so.%s" % major),
                         ("libsaywho.so.%s" % major, real)]:
        p = os.path.join(lib, link)
        if not os.path.islink(p) or os.readlink(p) != target:
            fail("%s should be a link to %s" % (p, target))
    if os.path.islink(os.path.join(lib, real)):
        fail("%s should be the library itself, not a link" % real)
    soname, needed = dynamic_tags(a.readelf, os.path.join(lib, real))
    if soname != "libsaywho.so.%s" % major:
        fail("soname of %s is %r, not libsaywho.so.%s" % (real, soname, major))
    _, needed = dynamic_tags(a.readelf, os.path.join(a.prefix, "bin", "saywho"))
    if any(n.startswith("libsaywho") for n in needed):
        fail("bin/saywho needs %s: it is meant to be linked with libsaywho.a" % needed)

    out = run([os.path.join(a.prefix, "bin", "saywho"), "--version"]).stdout.strip()
    if out != "saywho " + version:
        fail("`saywho --version` says %r, saywho.h says %s" % (out, version))
    pc = run(["pkg-config", "--modversion", "saywho"],
             env={"PKG_CONFIG_PATH": os.path.join(lib, "pkgconfig")}).stdout.strip()
    if pc != version:
        fail("pkg-config --modversion saywho says %r, saywho.h says %s" % (pc, version))
    for flag, want_text in [("--variable=prefix", os.path.abspath(a.prefix)),
                            ("--variable=libdir", os.path.abspath(lib)),
                            ("--variable=includedir", os.path.join(os.path.abspath(a.prefix), "include"))]:
        got = run(["pkg-config", flag, "saywho"],
                  env={"PKG_CONFIG_PATH": os.path.join(lib, "pkgconfig")}).stdout.strip()
        if got != want_text:
            fail("pkg-config %s saywho says %r, not %r" % (flag, got, want_text))
    with open(os.path.join(lib, "cmake", "saywho", "saywhoConfigVersion.cmake"), encoding="utf-8") as f:
        if 'set(PACKAGE_VERSION "%s")' % version not in f.read():
            fail("saywhoConfigVersion.cmake does not say version %s" % version)
    with open(os.path.join(a.source, "CHANGELOG.md"), encoding="utf-8") as f:
        if not re.search(r"^## \[%s\] - \d{4}-\d\d-\d\d$" % re.escape(version), f.read(), re.M):
            fail("CHANGELOG.md has no entry '## [%s] - YYYY-MM-DD' for the version of saywho.h" % version)
    with open(os.path.join(a.prefix, "include", "saywho.h"), encoding="utf-8") as f:
        installed_header = f.read()
    with open(os.path.join(a.source, "include", "saywho.h"), encoding="utf-8") as f:
        if f.read() != installed_header:
            fail("the installed saywho.h differs from include/saywho.h")


def readme_block(readme, name, lang):
    m = re.search(r"<!-- BEGIN %s .*?-->\n```%s\n(.*?)```\n<!-- END %s -->" % (name, lang, name),
                  readme, re.S)
    if not m:
        sys.exit("README.md: no %s block" % name)
    return m.group(1)


def expected_statements(saywho, articles):
    """What who_said must print: the statements `saywho extract` finds, in its fields."""
    out = run([saywho, "extract", articles]).stdout
    lines = []
    for line in out.splitlines():
        doc = json.loads(line)
        for q in doc["quotes"]:
            speaker = q["speaker"]["name"] if q["speaker"] else "?"
            lines.append("%s\t%s\t%s\t%s" % (doc["id"], speaker, q["kind"], q["text"]))
    return lines


def check_program(a, label, exe, expect, want_shared, env=None):
    """Runs a built who_said on the articles and compares; checks how it was linked."""
    if not os.path.exists(exe):
        fail("%s was not built" % exe)
        return
    _, needed = dynamic_tags(a.readelf, exe)
    uses_shared = "libsaywho.so.%s" % a.major in needed
    if uses_shared != want_shared:
        fail("%s: NEEDED %s; expected %s libsaywho.so" % (exe, needed, "with" if want_shared else "without"))
    p = run([exe, os.path.join(a.source, "examples", "articles.jsonl")], env=env)
    got = p.stdout.splitlines()
    if got != expect:
        i = next((i for i, (g, e) in enumerate(zip(got, expect)) if g != e), min(len(got), len(expect)))
        fail("%s printed %d statement lines, expected %d; line %d is\n  %r, expected\n  %r"
             % (exe, len(got), len(expect), i + 1, got[i] if i < len(got) else None,
                expect[i] if i < len(expect) else None))
    else:
        print("%s: %d statements, as saywho extract finds them" % (label, len(got)))


def step_example(a):
    version = header_version(a.source)
    a.major = version.split(".")[0]
    with open(os.path.join(a.source, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    program = readme_block(readme, "LIBRARY EXAMPLE", "c")
    project = readme_block(readme, "CMAKE EXAMPLE", "cmake")
    for text, path in [(program, "examples/who_said.c"), (project, "examples/CMakeLists.txt")]:
        with open(os.path.join(a.source, path), encoding="utf-8") as f:
            if f.read() != text:
                fail("README.md's example differs from %s (tools/readme_examples.py rewrites it)" % path)

    if os.path.exists(a.work):
        shutil.rmtree(a.work)
    os.makedirs(a.work)
    src = os.path.join(a.work, "who_said.c")
    with open(src, "w", encoding="utf-8") as f:
        f.write(program)
    lib = os.path.join(a.prefix, a.libdir)
    pc_env = {"PKG_CONFIG_PATH": os.path.join(lib, "pkgconfig")}
    extra = shlex.split(a.cflags or "")
    warn = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"]
    expect = expected_statements(os.path.join(a.prefix, "bin", "saywho"),
                                 os.path.join(a.source, "examples", "articles.jsonl"))
    if not expect:
        fail("saywho extract found no statement in examples/articles.jsonl")

    # 1. pkg-config, shared: exactly the README's command line (plus warnings)
    flags = shlex.split(run(["pkg-config", "--cflags", "--libs", "saywho"], env=pc_env).stdout)
    exe = os.path.join(a.work, "who_said-pkgconfig")
    run([a.cc] + warn + extra + ["-o", exe, src] + flags)
    check_program(a, "pkg-config, shared", exe, expect, True, env={"LD_LIBRARY_PATH": lib})

    # 2. pkg-config, static: libsaywho.a with the flags of Requires.private / Libs.private
    cflags = shlex.split(run(["pkg-config", "--cflags", "saywho"], env=pc_env).stdout)
    libs = shlex.split(run(["pkg-config", "--static", "--libs", "saywho"], env=pc_env).stdout)
    if "-lsaywho" not in libs:
        fail("pkg-config --static --libs saywho has no -lsaywho: %s" % libs)
    libs = [x for l in libs for x in (["-Wl,-Bstatic", "-lsaywho", "-Wl,-Bdynamic"] if l == "-lsaywho" else [l])]
    exe = os.path.join(a.work, "who_said-pkgconfig-static")
    run([a.cc] + warn + extra + ["-o", exe, src] + cflags + libs)
    check_program(a, "pkg-config, static", exe, expect, False)

    # 3, 4. the CMake project with find_package(saywho), linking each imported target
    line = "target_link_libraries(who_said PRIVATE saywho::saywho)"
    if project.count(line) != 1:
        fail("the README's CMake project has no line %r" % line)
        return
    for variant, target, shared in [("cmake", "saywho::saywho", True),
                                    ("cmake-static", "saywho::saywho_static", False)]:
        d = os.path.join(a.work, variant)
        os.makedirs(d)
        shutil.copy(src, d)
        with open(os.path.join(d, "CMakeLists.txt"), "w", encoding="utf-8") as f:
            f.write(project.replace(line, "target_link_libraries(who_said PRIVATE %s)" % target))
        flags = " ".join(warn[1:] + extra)
        run([a.cmake, "-S", d, "-B", os.path.join(d, "build"), "-DCMAKE_PREFIX_PATH=" + os.path.abspath(a.prefix),
             "-DCMAKE_C_COMPILER=" + a.cc, "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_C_FLAGS=" + flags,
             "-DCMAKE_EXE_LINKER_FLAGS=" + " ".join(extra)])
        run([a.cmake, "--build", os.path.join(d, "build")])
        cache = os.path.join(d, "build", "CMakeCache.txt")
        if os.path.exists(cache):
            with open(cache, encoding="utf-8") as f:
                m = re.search(r"^saywho_DIR:PATH=(.*)$", f.read(), re.M)
            want_dir = os.path.join(os.path.abspath(lib), "cmake", "saywho")
            if not m or os.path.realpath(m.group(1)) != os.path.realpath(want_dir):
                fail("find_package(saywho) found %s, not %s" % (m.group(1) if m else None, want_dir))
        check_program(a, "find_package, " + target, os.path.join(d, "build", "who_said"), expect, shared)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["install", "example"])
    ap.add_argument("--build")
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--libdir", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--cmake", default="cmake")
    ap.add_argument("--readelf", default="readelf")
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--work")
    ap.add_argument("--cflags", default="")
    a = ap.parse_args()
    if a.step == "install":
        step_install(a)
    else:
        step_example(a)
    if FAILURES:
        print("package %s: FAILED (%d problems)" % (a.step, len(FAILURES)))
        return 1
    print("package %s: ok" % a.step)
    return 0


if __name__ == "__main__":
    sys.exit(main())
