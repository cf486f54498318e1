# Runs forever: print in a loop, its output to /dev/null (stopped after 10 s).
i = 0
while True:
    print("ligne", i)
    i += 1
