class P:
    def m(self, a):
        return a
P().m(1, 2)
