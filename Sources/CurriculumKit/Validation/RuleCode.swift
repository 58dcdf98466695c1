/// The stable codes of the core's rules. Codes are public API: they never change meaning and are never reused.
public enum RuleCode: String, Sendable, CaseIterable, Codable {
    // XML input
    case xml001 = "XML001", xml002 = "XML002", xml003 = "XML003", xml004 = "XML004", xml005 = "XML005"
    case xml006 = "XML006"
    // Structure
    case str001 = "STR001", str002 = "STR002", str003 = "STR003", str004 = "STR004", str005 = "STR005"
    case str006 = "STR006", str007 = "STR007", str008 = "STR008", str009 = "STR009", str010 = "STR010"
    case str011 = "STR011", str012 = "STR012", str013 = "STR013"
    // References
    case ref001 = "REF001", ref002 = "REF002", ref003 = "REF003", ref004 = "REF004", ref005 = "REF005"
    case ref006 = "REF006", ref007 = "REF007", ref008 = "REF008", ref009 = "REF009", ref010 = "REF010"
    case ref011 = "REF011", ref012 = "REF012"
    // Timing
    case tim001 = "TIM001", tim002 = "TIM002", tim003 = "TIM003", tim004 = "TIM004", tim005 = "TIM005"
    case tim006 = "TIM006", tim007 = "TIM007", tim008 = "TIM008", tim009 = "TIM009", tim010 = "TIM010"
    case tim011 = "TIM011", tim012 = "TIM012", tim014 = "TIM014"
    // Pedagogy
    case ped001 = "PED001", ped002 = "PED002", ped003 = "PED003", ped004 = "PED004", ped005 = "PED005"
    case ped006 = "PED006", ped007 = "PED007", ped008 = "PED008", ped009 = "PED009", ped010 = "PED010"
    case ped011 = "PED011", ped012 = "PED012"
    // Accessibility
    case acc001 = "ACC001", acc002 = "ACC002", acc003 = "ACC003", acc004 = "ACC004", acc005 = "ACC005"
    case acc006 = "ACC006"
    // Language
    case lng001 = "LNG001", lng002 = "LNG002", lng003 = "LNG003", lng004 = "LNG004", lng005 = "LNG005"
    // Safety and data protection
    case saf001 = "SAF001", saf002 = "SAF002", saf003 = "SAF003", saf004 = "SAF004", saf005 = "SAF005"
    case saf006 = "SAF006"
    // Export readiness
    case exp001 = "EXP001", exp002 = "EXP002", exp003 = "EXP003", exp004 = "EXP004", exp005 = "EXP005"
}
