from askisk.cli import main

raise SystemExit(main())
