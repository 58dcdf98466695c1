// Placeholder until the html exporter is written.
import CurriculumPluginKit
