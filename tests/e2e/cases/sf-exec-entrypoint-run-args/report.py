import sys

if "--verbose" in sys.argv[1:]:
    print("report: every row, verbose")
else:
    print("report: summary")
