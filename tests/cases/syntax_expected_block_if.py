x = 1
if x:

# comment
print(x)
