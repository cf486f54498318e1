print("ok")
liste = [1, 2, 3))
