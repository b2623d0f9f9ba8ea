print("swerl")
