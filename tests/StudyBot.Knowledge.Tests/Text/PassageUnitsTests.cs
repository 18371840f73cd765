using StudyBot.Knowledge.Text;

namespace StudyBot.Knowledge.Tests.Text;

public sealed class PassageUnitsTests
{
    [Fact]
    public void Split_TableRows_ReadEachValueUnderItsColumnHeader()
    {
        var units = PassageUnits.Split("Ports in use:\n\n| Service | Port |\n| --- | ---: |\n| billing | 8443 |\n| search | 9200 |");

        Assert.Equal(
            [(PassageUnitKind.Sentence, "Ports in use:"), (PassageUnitKind.TableRow, "Service: billing; Port: 8443"), (PassageUnitKind.TableRow, "Service: search; Port: 9200")],
            units.Select(u => (u.Kind, u.Text)));
        Assert.Equal([0, 1, 2], units.Select(u => u.Position));
    }

    [Fact]
    public void Split_CodeBlock_EachCodeLineIsAUnitAndTheFenceIsNot()
    {
        var units = PassageUnits.Split("Roll back with:\n\n```bash\nkubectl rollout undo deployment/api\n}\n```");

        Assert.Equal([(PassageUnitKind.Sentence, "Roll back with:"), (PassageUnitKind.Code, "kubectl rollout undo deployment/api")], units.Select(u => (u.Kind, u.Text)));
    }

    [Fact]
    public void Split_ChunkStartingInsideACodeBlock_ReadsTheProseAfterItsClosingFenceAsProse()
    {
        var units = PassageUnits.Split("h = W0·x + B·A·x\n```\n\n- **Rank r** sets the capacity of the update. Typical values are 8–64.");

        Assert.Equal(
            [(PassageUnitKind.Code, "h = W0·x + B·A·x"), (PassageUnitKind.Sentence, "Rank r sets the capacity of the update."), (PassageUnitKind.Sentence, "Typical values are 8–64.")],
            units.Select(u => (u.Kind, u.Text)));
    }

    [Fact]
    public void Split_SoftWrappedParagraph_JoinsItsLinesIntoSentences()
    {
        var units = PassageUnits.Split("The model is pre-\ntrained on books. It then\nlearns tasks.\n- **First** item of a [list](x.md)\n- Second item");

        Assert.Equal(["The model is pretrained on books.", "It then learns tasks.", "First item of a list", "Second item"], units.Select(u => u.Text));
    }
}
