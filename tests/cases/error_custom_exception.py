class MyError(Exception):
    pass
def g():
    raise MyError("something went wrong")
g()
