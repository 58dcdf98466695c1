// Placeholder until the imscc exporter is written.
import CurriculumPluginKit
