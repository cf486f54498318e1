Lenn = 3
print(Lenn)
print(Len)
