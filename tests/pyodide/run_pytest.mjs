// Runs a pytest suite inside Pyodide under Node: the runtime from its wheel, pytest and its
// pure-Python dependencies taken from the host's virtual environment, the tests mounted read-only.
// Usage: node tests/pyodide/run_pytest.mjs WHEEL SITE_PACKAGES TESTS_DIR [pytest args...]
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const [wheelPath, sitePackages, testsDir, ...pytestArgs] = process.argv.slice(2);
if (!wheelPath || !sitePackages || !testsDir) {
  console.error("usage: run_pytest.mjs WHEEL SITE_PACKAGES TESTS_DIR [pytest args...]");
  process.exit(2);
}
const { loadPyodide } = require("pyodide");
const pyodide = await loadPyodide({ indexURL: path.dirname(require.resolve("pyodide/package.json")) + "/" });
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel", {
  extractDir: "/lib/python3.14/site-packages",
});
const { FS } = pyodide;
for (const [host, mountPoint] of [[sitePackages, "/host-site"], [path.resolve(testsDir), "/tests"]]) {
  FS.mkdirTree(mountPoint);
  FS.mount(FS.filesystems.NODEFS, { root: host }, mountPoint);
}
pyodide.globals.set("pytest_args", pyodide.toPy(["-p", "no:cacheprovider", "-q", "/tests", ...pytestArgs]));
const code = pyodide.runPython(`
import sys, importlib.abc

# Only pytest and its pure-Python dependencies come from the host; never the runtime itself.
ALLOWED = {"pytest", "_pytest", "pluggy", "iniconfig", "packaging", "pygments", "py"}
class HostPackages(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in ALLOWED:
            return None
        from importlib.machinery import PathFinder
        return PathFinder.find_spec(name, ["/host-site"] if path is None else path)
sys.meta_path.append(HostPackages())
import pytest
print("python", sys.version.split()[0], "pytest", pytest.__version__, flush=True)
pytest.main(list(pytest_args))
`);
process.exit(Number(code));
