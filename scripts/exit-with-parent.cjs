// Preloaded into the Next.js server the launcher starts: when the launcher
// dies (even by SIGKILL) the IPC channel closes and the server exits with it,
// so a restart never finds the port still taken.
if (process.send) {
  process.on("disconnect", () => process.exit(0));
}
