// Placeholder until the calendar exporter is written.
import CurriculumPluginKit
