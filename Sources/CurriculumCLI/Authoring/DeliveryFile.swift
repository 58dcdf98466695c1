import CurriculumKit
import CurriculumModel
import Foundation

/// `--delivery-file FILE` of `show` and `pack`: a `<delivery>` kept outside the programme (a new cohort's dates,
/// say), read beside it so its timetable can be seen before it is packed.
enum DeliveryFile {
    /// A usage error when the file does not exist; checked before the programme is loaded.
    static func check(_ file: String?) throws(CommandFailure) {
        if let file, !FileManager.default.fileExists(atPath: file) {
            throw CommandFailure.usage("--delivery-file \(file): no such file")
        }
    }

    /// The delivery the file holds, once the programme was loaded with it.
    static func chosen(
        _ file: String, in loaded: LoadedCurriculum, curriculum: Curriculum
    ) throws(CommandFailure)
        -> Delivery
    {
        let relative = loaded.root.relative(file) ?? CurriculumRoot.canonical(file)
        guard
            let found = curriculum.deliveries.last(where: { $0.location?.path == relative })
                ?? curriculum.deliveries.last
        else {
            throw CommandFailure.content("error: \(file) holds no delivery")
        }
        return found
    }
}
