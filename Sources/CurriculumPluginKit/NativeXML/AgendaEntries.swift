import CurriculumModel

/// How a day's agenda is written back: its own items, and the module activities it placed, folded into
/// `<use module=…/>` where a whole module was placed in order.
enum AgendaEntries {
    enum Entry: Equatable {
        case item(Activity)
        /// A module placed whole, in order; `first` is the location of its first activity on the agenda.
        case wholeModule(String, first: SourceLocation?)
        /// One activity of a module, and its location on the agenda.
        case moduleActivity(module: String, activity: String, location: SourceLocation?)
    }

    static func group(_ agenda: [Activity], modules: [String: Module]) -> [Entry] {
        var entries: [Entry] = []
        var index = 0
        while index < agenda.count {
            let activity = agenda[index]
            guard let moduleID = activity.module, let module = modules[moduleID],
                module.activities.contains(where: { $0.id == activity.id })
            else {
                var item = activity
                item.module = nil
                item.placement = nil
                entries.append(.item(item))
                index += 1
                continue
            }
            let ids = module.activities.map(\.id)
            let run = agenda[index...].prefix(ids.count)
            let placedTogether = run.allSatisfy { $0.module == moduleID && $0.placement == activity.placement }
            if activity.id == ids.first, run.map(\.id) == ids, placedTogether {
                entries.append(.wholeModule(moduleID, first: activity.location))
                index += ids.count
            } else {
                entries.append(.moduleActivity(module: moduleID, activity: activity.id, location: activity.location))
                index += 1
            }
        }
        return entries
    }
}
