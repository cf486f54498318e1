match 3:
    case _:
        print("tout")
    case 3:
        print("trois")
