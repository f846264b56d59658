import sys

from etablerer.cli import main

sys.exit(main())
