// Export the run as a Chrome trace-event JSON file (opens in Perfetto / chrome://tracing).

/** Build the file's text with the engine's exporter. */
export function chromeTraceText(engine, events) {
  return engine.chrome_trace(JSON.stringify(events));
}

/** Download the run's trace as `filename`. */
export function downloadChromeTrace(engine, events, filename) {
  const text = chromeTraceText(engine, events);
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
