import sys

from vergoedingcheck.cli import main

sys.exit(main())
