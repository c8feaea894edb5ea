/**
 * wspeer/variant: Godot's Variant binary codec, for Godot 3.2 and Godot 4 (one machinery, a type
 * table per engine version). Runtime-agnostic, no dependencies beyond wspeer's core.
 */
export * from '@wspeer/variant';
