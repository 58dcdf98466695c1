import CurriculumExportKit
import CurriculumModel
import Testing

/// The participant view's defaults: a text's own `for=` decides, else the field's default audience.
@Suite struct ParticipantViewTests {
    static func text(_ audience: Visibility?) -> RichText {
        RichText(blocks: [.paragraph([.text("x")])], audience: audience)
    }

    @Test func participantInstructionsDefaultToParticipantsAndEveryOtherFieldToAll() {
        #expect(ParticipantView.Field.participantInstructions.defaultAudience == .participant)
        for field in ParticipantView.Field.allCases where field != .participantInstructions {
            #expect(field.defaultAudience == .all, "\(field)")
        }
    }

    @Test(arguments: ParticipantView.Field.allCases)
    func aTextsOwnAudienceOverridesTheFieldDefault(field: ParticipantView.Field) {
        #expect(ParticipantView.sees(Self.text(nil), as: field))
        #expect(ParticipantView.sees(Self.text(.participant), as: field))
        #expect(!ParticipantView.sees(Self.text(.facilitator), as: field))
        #expect(!ParticipantView.sees(Self.text(.organiser), as: field))
        #expect(!ParticipantView.sees(nil, as: field))
        #expect(ParticipantView.text(Self.text(.facilitator), as: field) == nil)
    }

    @Test func aFacilitatorFieldMarkedForParticipantsIsNoticedButNeverShown() {
        #expect(ParticipantView.isMarkedForParticipants(Self.text(.all)))
        #expect(ParticipantView.isMarkedForParticipants(Self.text(.participant)))
        #expect(!ParticipantView.isMarkedForParticipants(Self.text(nil)))
        #expect(!ParticipantView.isMarkedForParticipants(Self.text(.facilitator)))
        #expect(!ParticipantView.isMarkedForParticipants(nil))
    }

    @Test func elementsReadAsXMLFollowTheSameRules() {
        #expect(ParticipantView.sees(element: "purpose", markedFor: nil, insideWithheld: false))
        #expect(ParticipantView.sees(element: "summary", markedFor: "participant", insideWithheld: false))
        #expect(!ParticipantView.sees(element: "summary", markedFor: "organiser", insideWithheld: false))
        #expect(!ParticipantView.sees(element: "title", markedFor: nil, insideWithheld: true))
        for element in ["facilitator-notes", "sensitivity-note", "steps", "debrief", "variant", "room"] {
            #expect(!ParticipantView.sees(element: element, markedFor: "all", insideWithheld: false), "\(element)")
        }
    }
}
