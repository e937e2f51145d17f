// Where Python finds the runtime: the wheel itself, one file on sys.path that zipimport reads (its
// entries are stored, not deflated). Nothing is unpacked: writing one 95 KB file replaces extracting
// 44 (which took a return visit's worker 33 ms, right before its first answer).
// The memory snapshot is made with the wheel at this same path (make-snapshot.mjs), so the modules it
// holds, sys.path and zipimport's index of the wheel all name it; a worker that restores the snapshot
// writes the same bytes there (the snapshot's stamp names the wheel's SHA-256) before Python imports
// anything more from it.

export const RUNTIME_ZIP = "/lib/streamlet-runtime.zip";

/** Makes the runtime wheel's `bytes` importable in `pyodide` (already so in a restored snapshot but for the file). */
export function installRuntime(pyodide, bytes) {
  pyodide.FS.writeFile(RUNTIME_ZIP, bytes);
  pyodide.runPython(`import sys\nif ${JSON.stringify(RUNTIME_ZIP)} not in sys.path: sys.path.insert(0, ${JSON.stringify(RUNTIME_ZIP)})`);
}
