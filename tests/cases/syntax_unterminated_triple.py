def f():
    x = """abc

