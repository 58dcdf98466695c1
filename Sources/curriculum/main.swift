import CurriculumCLI

await CurriculumCommand.runAndExit()
