// Hands a file to the browser as a download: every export, the offline copy's zip and an import's dataset folder.

export function download(data: Blob | string, filename: string, type = 'text/plain') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for the browser to have read a large file (the offline copy's zip) before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
