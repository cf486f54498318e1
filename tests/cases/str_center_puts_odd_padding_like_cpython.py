for w in range(1, 8):
    print(repr("x".center(w, "=")), repr("ab".center(w, "*")), repr("abc".center(w)))
print("titre".center(11, "-"))
