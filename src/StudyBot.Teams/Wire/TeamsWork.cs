namespace StudyBot.Teams.Wire;

/// <summary>What the inbox holds for Teams: the activity as Teams sent it, in channel "teams", and the kinds of work it is.</summary>
internal static class TeamsWork
{
    /// <summary>The inbox channel of Teams items, also the channel of Teams conversation addresses.</summary>
    public const string Channel = "teams";

    /// <summary>StudyBot was added to a team, group chat or personal scope.</summary>
    public const string Welcome = "welcome";

    /// <summary>A message to StudyBot.</summary>
    public const string Question = "question";

    /// <summary>One of StudyBot's buttons pressed: a card's on a client without Universal Actions (Action.Submit), or a suggested action.</summary>
    public const string ButtonPress = "button-press";

    /// <summary>"Post in conversation" pressed in the dialog of the message action "Ask StudyBot about this".</summary>
    public const string PostAnswer = "post-answer";
}
