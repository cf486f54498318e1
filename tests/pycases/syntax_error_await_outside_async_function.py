def f():
    x = await g()
    return x
