using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace StudyBot.Storage;

/// <summary>Stores a DateTimeOffset as UTC ticks so SQLite can compare and sort it.</summary>
public sealed class DateTimeOffsetToBinaryConverterUtc() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
