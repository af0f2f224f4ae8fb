using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Katalyst.Media.Pdq;

/// <summary>
/// The reference's one-dimensional running-sum box filter (one half of a Jarosz pass), run over many independent
/// signals at once. The data is laid out position-major: value <c>lane</c> at position <c>p</c> is
/// <c>input[p * lanes + lane]</c>, so each lane is one signal and Vector256 arithmetic handles eight signals with exactly
/// the float operations, in exactly the order, the reference performs on one (add the new sample, subtract the old one,
/// divide by the count). That keeps the result bit-identical while filtering eight (or, along columns, W) signals per
/// instruction instead of walking one signal at a time.
/// </summary>
internal static class BoxFilter
{
    /// <summary>
    /// Filters <paramref name="lanes"/> signals of <paramref name="length"/> samples with a clipped window of
    /// <paramref name="window"/>. Output position <c>o</c> goes to slot <c>slots[o]</c> (skipped when -1), or to slot <c>o</c>
    /// when <paramref name="slots"/> is empty; skipped positions still advance the running sum, so the written values are
    /// bit-identical to a full run. <paramref name="sums"/> is scratch of at least <paramref name="lanes"/> floats.
    /// <paramref name="written"/>, when given, is called with each output position just after it is written.
    /// </summary>
    public static void Run(ReadOnlySpan<float> input, Span<float> output, Span<float> sums, int length, int window, int lanes, ReadOnlySpan<int> slots, Action<int>? written = null)
    {
        if (window < 1 || window > length)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The window must be 1 to the length {length}.");
        }

        if (input.Length < length * lanes || sums.Length < lanes)
        {
            throw new ArgumentException("The input or scratch is shorter than length x lanes.", nameof(input));
        }

        var half = (window + 2) / 2;
        var addOnly = half - 1;
        var growing = window - half + 1;
        var full = length - window;
        var shrinking = half - 1;

        sums[..lanes].Clear();
        ref var sum = ref MemoryMarshal.GetReference(sums);
        ref var source = ref MemoryMarshal.GetReference(input);
        var count = 0;
        int r = 0, l = 0, o = 0;

        for (var n = 0; n < addOnly; n++, r++, count++)
        {
            Add(ref sum, ref Unsafe.Add(ref source, r * lanes), lanes);
        }

        for (var n = 0; n < growing; n++, r++, o++)
        {
            Add(ref sum, ref Unsafe.Add(ref source, r * lanes), lanes);
            count++;
            Write(ref sum, output, slots, o, count, lanes);
            written?.Invoke(o);
        }

        for (var n = 0; n < full; n++, r++, l++, o++)
        {
            AddThenSubtract(ref sum, ref Unsafe.Add(ref source, r * lanes), ref Unsafe.Add(ref source, l * lanes), lanes);
            Write(ref sum, output, slots, o, count, lanes);
            written?.Invoke(o);
        }

        for (var n = 0; n < shrinking; n++, l++, o++)
        {
            Subtract(ref sum, ref Unsafe.Add(ref source, l * lanes), lanes);
            count--;
            Write(ref sum, output, slots, o, count, lanes);
            written?.Invoke(o);
        }
    }

    private static void Add(ref float sum, ref float value, int lanes)
    {
        var lane = 0;
        for (; lane <= lanes - Vector256<float>.Count; lane += Vector256<float>.Count)
        {
            var s = Vector256.LoadUnsafe(ref sum, (nuint)lane) + Vector256.LoadUnsafe(ref value, (nuint)lane);
            s.StoreUnsafe(ref sum, (nuint)lane);
        }

        for (; lane < lanes; lane++)
        {
            Unsafe.Add(ref sum, lane) += Unsafe.Add(ref value, lane);
        }
    }

    private static void Subtract(ref float sum, ref float value, int lanes)
    {
        var lane = 0;
        for (; lane <= lanes - Vector256<float>.Count; lane += Vector256<float>.Count)
        {
            var s = Vector256.LoadUnsafe(ref sum, (nuint)lane) - Vector256.LoadUnsafe(ref value, (nuint)lane);
            s.StoreUnsafe(ref sum, (nuint)lane);
        }

        for (; lane < lanes; lane++)
        {
            Unsafe.Add(ref sum, lane) -= Unsafe.Add(ref value, lane);
        }
    }

    // Phase 3 of the reference: sum = sum + in[r]; sum = sum - in[l]; two roundings, in that order.
    private static void AddThenSubtract(ref float sum, ref float added, ref float removed, int lanes)
    {
        var lane = 0;
        for (; lane <= lanes - Vector256<float>.Count; lane += Vector256<float>.Count)
        {
            var s = Vector256.LoadUnsafe(ref sum, (nuint)lane) + Vector256.LoadUnsafe(ref added, (nuint)lane);
            s -= Vector256.LoadUnsafe(ref removed, (nuint)lane);
            s.StoreUnsafe(ref sum, (nuint)lane);
        }

        for (; lane < lanes; lane++)
        {
            var s = Unsafe.Add(ref sum, lane) + Unsafe.Add(ref added, lane);
            Unsafe.Add(ref sum, lane) = s - Unsafe.Add(ref removed, lane);
        }
    }

    private static void Write(ref float sum, Span<float> output, ReadOnlySpan<int> slots, int position, int count, int lanes)
    {
        var slot = slots.IsEmpty ? position : slots[position];
        if (slot < 0)
        {
            return;
        }

        ref var target = ref MemoryMarshal.GetReference(output.Slice(slot * lanes, lanes));
        var divisor = (float)count;
        var divisors = Vector256.Create(divisor);
        var lane = 0;
        for (; lane <= lanes - Vector256<float>.Count; lane += Vector256<float>.Count)
        {
            (Vector256.LoadUnsafe(ref sum, (nuint)lane) / divisors).StoreUnsafe(ref target, (nuint)lane);
        }

        for (; lane < lanes; lane++)
        {
            Unsafe.Add(ref target, lane) = Unsafe.Add(ref sum, lane) / divisor;
        }
    }
}
