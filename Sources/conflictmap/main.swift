import ConflictMapCLI

ConflictMap.runAndExit()
