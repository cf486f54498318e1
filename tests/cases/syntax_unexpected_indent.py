import time

print("a")
     print("b")
