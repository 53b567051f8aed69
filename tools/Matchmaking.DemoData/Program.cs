using Matchmaking.DemoData;

if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var gateway))
{
    Console.Error.WriteLine("usage: Matchmaking.DemoData <gateway-url>");
    return 2;
}

var loader = new DemoLoader(gateway);
await loader.LoadAsync();
return 0;
