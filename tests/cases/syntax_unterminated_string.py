print("ok")
x = "abc
