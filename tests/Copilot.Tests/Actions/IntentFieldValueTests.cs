using Copilot.Api.Triage;
using Copilot.Connectors.Helpdesk;

namespace Copilot.Tests.Actions;

/// <summary>What triage writes into the intent field, by the field's definition: only a value the helpdesk takes.</summary>
public sealed class IntentFieldValueTests
{
    private static HelpdeskField Dropdown(params (string Value, string Label)[] options) =>
        new("360001", "Intent", HelpdeskFieldType.Dropdown, "tagger", Active: true, [.. options.Select(o => new HelpdeskFieldOption(o.Value, o.Label))]);

    [Theory]
    [InlineData("billing question", "billing_question", "Billing question")]
    [InlineData("Billing-Question", "billing_question", "Billing question")]
    [InlineData("BILLING_QUESTION", "billing_question", "Billing question")]
    [InlineData("end-ride", "ride_not_ended", "End ride")]
    [InlineData("e bike", "ebike", "E-bike")]
    public void ADropdownTakesTheOptionWhoseValueOrLabelIsTheIntentWhateverItsCaseSpacesUnderscoresAndHyphens(string intent, string value, string label)
    {
        var field = Dropdown(("billing_question", "Billing question"), ("ride_not_ended", "End ride"), ("ebike", "E-bike"));

        Assert.Equal(new FieldWrite(value, label), IntentFieldValue.For(field, intent));
    }

    [Fact]
    public void AnOptionWhoseValueIsTheIntentComesBeforeOneWhoseLabelIs()
    {
        var field = Dropdown(("other_billing", "Billing"), ("billing", "Payments"));

        Assert.Equal(new FieldWrite("billing", "Payments"), IntentFieldValue.For(field, "billing"));
    }

    [Fact]
    public void AnOptionWhoseValueIsTheIntentsTagFitsWhenNoneIsNamedForTheIntent()
    {
        var field = Dropdown(("intent_billing", "Payments and invoices"), ("intent_setup", "Setup"));

        Assert.Equal(new FieldWrite("intent_billing", "Payments and invoices"), IntentFieldValue.For(field, "billing", tag: "intent_billing"));
        Assert.Null(IntentFieldValue.For(field, "billing", tag: null));
    }

    [Fact]
    public void ADropdownWithNoOptionForTheIntentTakesNothing()
    {
        var field = Dropdown(("shipping", "Shipping"), ("returns", "Returns"));

        Assert.Null(IntentFieldValue.For(field, "billing", tag: "intent_billing"));
        Assert.Null(IntentFieldValue.For(field, "ship"));
    }

    [Fact]
    public void AMultiSelectAddsTheOptionForTheIntentBesideThoseChosen()
    {
        var field = new HelpdeskField("360099", "Topics", HelpdeskFieldType.MultiSelect, "multiselect", Active: true,
            [new HelpdeskFieldOption("topic_billing", "Billing"), new HelpdeskFieldOption("topic_setup", "Setup")]);

        Assert.Equal(new FieldWrite("topic_billing", "Billing", AddsOption: true), IntentFieldValue.For(field, "billing"));
        Assert.Null(IntentFieldValue.For(field, "shipping", tag: "intent_shipping"));
    }

    [Fact]
    public void ATextFieldTakesTheIntentsName()
    {
        var field = new HelpdeskField("cf_intent", "Intent", HelpdeskFieldType.Text, "custom_text", Active: true, []);

        Assert.Equal(new FieldWrite("billing", "billing"), IntentFieldValue.For(field, "billing"));
    }

    [Theory]
    [InlineData(HelpdeskFieldType.Other, true)]
    [InlineData(HelpdeskFieldType.Text, false)]
    [InlineData(HelpdeskFieldType.Dropdown, false)]
    public void AFieldOfAnotherTypeOrAnInactiveOneTakesNothing(HelpdeskFieldType type, bool active)
    {
        var field = new HelpdeskField("360001", "Intent", type, "integer", active, [new HelpdeskFieldOption("billing", "Billing")]);

        Assert.Null(IntentFieldValue.For(field, "billing"));
    }

    [Fact]
    public void NoFieldTakesNothing() => Assert.Null(IntentFieldValue.For(null, "billing"));

    [Fact]
    public void ThePanelIsToldTheFieldAndTheValueForEachIntentItTakesAndNoneForOther()
    {
        var field = Dropdown(("intent_billing", "Billing"), ("setup", "Setup"), ("other", "Other"));
        var options = new TriageFieldOptions { IntentFieldId = 360001 };

        var dto = IntentFieldDto.For(options, ["billing", "setup", "shipping", "other"], field);

        Assert.NotNull(dto);
        Assert.Equal(("360001", "Intent"), (dto.Key, dto.Title));
        Assert.Equal(new Dictionary<string, FieldWrite> { ["billing"] = new("intent_billing", "Billing"), ["setup"] = new("setup", "Setup") }, dto.Values);
    }

    [Fact]
    public void ThePanelIsToldOfNoFieldWhenItTakesNoneOfTheIntentsIsOfAnotherTypeIsUndescribedOrUnnamed()
    {
        var options = new TriageFieldOptions { IntentFieldName = "cf_intent" };
        var number = new HelpdeskField("cf_intent", "Intent", HelpdeskFieldType.Other, "custom_number", Active: true, []);

        Assert.Null(IntentFieldDto.For(options, ["billing"], Dropdown(("shipping", "Shipping"))));
        Assert.Null(IntentFieldDto.For(options, ["billing"], number));
        Assert.Null(IntentFieldDto.For(options, ["billing"], null));
        Assert.Null(IntentFieldDto.For(new TriageFieldOptions(), ["billing"], Dropdown(("billing", "Billing"))));
    }
}
