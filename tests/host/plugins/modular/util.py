def base():
    return 21
