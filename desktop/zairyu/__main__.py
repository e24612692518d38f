import sys

from zairyu.cli.main import main

sys.exit(main())
