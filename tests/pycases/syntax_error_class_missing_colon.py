class Point
    pass
