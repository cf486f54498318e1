def f():
  return 1
await f()
