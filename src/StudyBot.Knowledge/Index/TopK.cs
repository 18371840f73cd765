namespace StudyBot.Knowledge.Index;

/// <summary>Keeps the best k (slot, score) pairs with a min-heap, best first.</summary>
internal static class TopK
{
    public static List<(int Slot, float Score)> Select(IEnumerable<(int Slot, float Score)> candidates, int k)
    {
        var heap = new PriorityQueue<int, float>(k + 1);
        foreach (var (slot, score) in candidates)
        {
            Offer(heap, slot, score, k);
        }

        return Drain(heap);
    }

    public static void Offer(PriorityQueue<int, float> heap, int slot, float score, int k)
    {
        if (heap.Count < k)
        {
            heap.Enqueue(slot, score);
        }
        else if (heap.TryPeek(out _, out var worst) && score > worst)
        {
            heap.EnqueueDequeue(slot, score);
        }
    }

    public static List<(int Slot, float Score)> Drain(PriorityQueue<int, float> heap)
    {
        var result = new List<(int Slot, float Score)>(heap.Count);
        while (heap.TryDequeue(out var slot, out var score))
        {
            result.Add((slot, score));
        }

        result.Reverse();
        return result;
    }
}
